// An inline cache for one name looked up along a type's MRO, at one place in the compiled code
// (a method call, an attribute read or write). It holds the dict entry it found and the shape of
// every dict of the MRO that can change: any key added to or removed from one of them makes it
// look again, and a new value for the same key is seen through the entry. Builtin types do not
// change once made (setting their attributes is a TypeError), so they are not checked.
import type { DictEntry, PyType } from './objects';

export class TypeLookup {
  private type: PyType | null = null;
  /** The classes of the MRO written in Python, and the shapes their dicts had. */
  private mutable: PyType[] = [];
  private shapes: number[] = [];
  private entry: DictEntry | undefined = undefined;
  /** The class whose dict holds the entry. */
  owner: PyType | null = null;

  constructor(readonly name: string) {}

  /** The entry for the name on `t`'s MRO, or undefined. */
  find(t: PyType): DictEntry | undefined {
    if (t === this.type) {
      const mutable = this.mutable;
      const shapes = this.shapes;
      let valid = true;
      for (let i = 0; i < mutable.length; i++) {
        if (mutable[i].dict.shape !== shapes[i]) {
          valid = false;
          break;
        }
      }
      if (valid) return this.entry;
    }
    return this.fill(t);
  }

  private fill(t: PyType): DictEntry | undefined {
    this.type = t;
    this.mutable = t.mro.filter((k) => k.module !== 'builtins');
    this.shapes = this.mutable.map((k) => k.dict.shape);
    this.entry = undefined;
    this.owner = null;
    for (const k of t.mro) {
      const e = k.dict.map.get(this.name);
      if (e) {
        this.entry = e;
        this.owner = k;
        break;
      }
    }
    return this.entry;
  }
}
