// An inline cache for one name looked up along a type's MRO, at one place in the compiled code
// (a method call, an attribute read or write). It holds the dict entry it found and the shape of
// every dict of the MRO: any key added to or removed from one of them makes it look again, and a
// new value for the same key is seen through the entry.
import type { DictEntry, PyType } from './objects';

export class TypeLookup {
  private type: PyType | null = null;
  private shapes: number[] = [];
  private entry: DictEntry | undefined = undefined;
  /** The class whose dict holds the entry. */
  owner: PyType | null = null;

  constructor(readonly name: string) {}

  /** The entry for the name on `t`'s MRO, or undefined. */
  find(t: PyType): DictEntry | undefined {
    if (t === this.type) {
      const mro = t.mro;
      const shapes = this.shapes;
      let valid = true;
      for (let i = 0; i < mro.length; i++) {
        if (mro[i].dict.shape !== shapes[i]) {
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
    this.shapes = t.mro.map((k) => k.dict.shape);
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
