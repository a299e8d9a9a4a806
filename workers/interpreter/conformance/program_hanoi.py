# Towers of Hanoi, recursion with a list of moves.
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
    return moves
moves = hanoi(4, "A", "C", "B", [])
print(len(moves), moves[:5])
