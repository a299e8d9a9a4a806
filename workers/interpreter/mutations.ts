// Every change to a list, dict, set or attribute goes through here, so the shared heap can log it.
import { PyDict, PyInstance, PyList, PyModule, PySet, PyType, type PyValue } from './objects';
import { dictClear, dictDelete, dictSet, setAdd, setDiscard, setName } from './compare';

/**
 * Every change to a list, dict, set or attribute goes through these, so that the shared heap
 * (heap.ts) can log changes to objects other threads see. Alone, they change the object in place.
 */
export interface Mutations {
  setAttr(obj: PyInstance | PyModule | PyType, name: string, value: PyValue): void;
  delAttr(obj: PyInstance | PyModule | PyType, name: string): void;
  listSet(l: PyList, i: number, v: PyValue): void;
  listSplice(l: PyList, start: number, deleteCount: number, items: PyValue[]): void;
  listAppend(l: PyList, v: PyValue): void;
  listReplace(l: PyList, items: PyValue[]): void;
  dictSet(d: PyDict, k: PyValue, v: PyValue): void;
  dictDelete(d: PyDict, k: PyValue): void;
  dictClear(d: PyDict): void;
  setAdd(s: PySet, v: PyValue): void;
  setDelete(s: PySet, v: PyValue): void;
  setClear(s: PySet): void;
}

export const localMutations: Mutations = {
  setAttr(obj, name, value) {
    setName(obj.dict, name, value);
  },
  delAttr(obj, name) {
    dictDelete(obj.dict, name);
  },
  listSet(l, i, v) {
    l.items[i] = v;
  },
  listSplice(l, start, deleteCount, items) {
    if (items.length < 10_000) l.items.splice(start, deleteCount, ...items);
    else l.items = [...l.items.slice(0, start), ...items, ...l.items.slice(start + deleteCount)];
  },
  listAppend(l, v) {
    l.items.push(v);
  },
  listReplace(l, items) {
    l.items = items;
  },
  dictSet(d, k, v) {
    dictSet(d, k, v);
  },
  dictDelete(d, k) {
    dictDelete(d, k);
  },
  dictClear(d) {
    dictClear(d);
  },
  setAdd(s, v) {
    setAdd(s.map, v);
  },
  setDelete(s, v) {
    setDiscard(s.map, v);
  },
  setClear(s) {
    s.map.clear();
  },
};

/** The mutations in force: the heap swaps in logging ones once a second thread shares objects. */
export const mutate: Mutations = { ...localMutations };
