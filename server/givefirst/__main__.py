from givefirst.cli import run

run()
