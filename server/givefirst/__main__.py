from givefirst.cli import main

main()
