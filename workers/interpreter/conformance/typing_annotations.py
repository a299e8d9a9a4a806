from typing import (Any, Callable, ClassVar, Dict, Final, FrozenSet, Generator, Generic, Iterable, Iterator, List,
                    Literal, Mapping, Optional, Sequence, Set, Tuple, Type, TypeVar, Union, cast, TYPE_CHECKING)
import typing
T = TypeVar('T')
print(List[int], Dict[str, List[int]], Optional[int], Union[int, None], Union[int, str], Union[int, str, None], Union[int])
print(Callable[[int, str], bool], Callable[..., int], Tuple[int, ...], Tuple[()], T, Any, List, Optional, Callable)
print(Iterable[T], Set[float], Type[int], Sequence[str], List['Foo'], Literal[1, 'a'], ClassVar[int], Final[int])
print(Union[int, Union[str, float]], Optional[Union[int, str]], Iterator[int], Generator[int, None, None], Mapping[str, int], FrozenSet[int])
print(typing.Deque[int], typing.DefaultDict[str, int], typing.Counter[str], typing.NoReturn)
for bad in [lambda: List[int](), lambda: Optional[int, str], lambda: List(), lambda: List[int, str]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(cast(int, 'x'), TYPE_CHECKING, TypeVar('U', bound=int), TypeVar('V', int, str), TypeVar('W', covariant=True))
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s: Stack[int] = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), Stack, type(s).__name__)
count: int = 5
name: str
ratio: Optional[float] = None
def apply(f: Callable[[int], int], xs: Sequence[int] = (1, 2)) -> List[int]:
    return [f(x) for x in xs]
def nothing(*args: Any, **kwargs: Dict[str, Any]) -> "Optional[int]":
    return None
print(count, ratio, apply(lambda v: v * 3), nothing(1, a=2))
class Config:
    debug: bool = False
    level: ClassVar[int] = 3
    tags: List[str]
print(Config.debug, Config.level, hasattr(Config, 'tags'))
