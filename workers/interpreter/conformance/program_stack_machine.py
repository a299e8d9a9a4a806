# A tiny stack machine: while loop, dict dispatch, exceptions.
def run(program):
    stack = []
    ops = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b,
        "div": lambda a, b: a // b,
    }
    pc = 0
    while pc < len(program):
        instr = program[pc]
        if isinstance(instr, int):
            stack.append(instr)
        elif instr in ops:
            b, a = stack.pop(), stack.pop()
            stack.append(ops[instr](a, b))
        elif instr == "dup":
            stack.append(stack[-1])
        else:
            raise ValueError(f"unknown instruction {instr!r} at {pc}")
        pc += 1
    return stack
print(run([2, 3, "add", 4, "mul"]), run([10, "dup", "mul", 7, "sub"]))
for prog in [[1, 0, "div"], [1, "pow"], ["add"]]:
    try:
        run(prog)
    except (ValueError, ZeroDivisionError, IndexError) as e:
        print(type(e).__name__, e)
