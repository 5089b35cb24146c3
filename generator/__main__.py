from generator.launch import run

run()
