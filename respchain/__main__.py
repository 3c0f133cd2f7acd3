from respchain.cli import console

console()
