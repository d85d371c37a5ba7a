// ESLint for the extension. `tests/test_function_size.py` runs it as part of the suite.
export default [
  {
    files: ["extension/**/*.js"],
    languageOptions: { ecmaVersion: "latest", sourceType: "script" },
    rules: {
      "max-lines-per-function": ["error", { max: 79, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ["extension/background/**/*.js"],
    languageOptions: { sourceType: "module" },
  },
];
