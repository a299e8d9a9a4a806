// time's calendar half: struct_time, localtime, gmtime, mktime, strftime, asctime, ctime, in the
// machine's time zone, for the engine's time module and the standalone one alike. `now` is the
// module's time.time(), so in the engine the dates follow the program's clock.
import { getItem } from '../items';
import { iterate } from '../iteration';
import { setName } from '../compare';
import { pyError } from '../errors';
import { registerType } from '../heap-types';
import { arity, charge, defineFunction, defineMethod, float, toFloat } from '../native';
import { PyDict, PyInstance, PyTuple, PyType, types, type PyValue } from '../objects';
import { pyRepr } from '../text';

const fields = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'] as const;
const structTime = registerType(new PyType('struct_time', [types.object], 'time'));

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

let methodsReady = false;
function initStructTime(): void {
  if (methodsReady) return;
  methodsReady = true;
  const values = (self: PyValue) => fields.map((f) => (self as PyInstance).dict.map.get(f)!.v);
  defineMethod(structTime, '__getitem__', (self, a) => getItem(new PyTuple(values(self)), a[0]));
  defineMethod(structTime, '__len__', () => fields.length);
  defineMethod(structTime, '__iter__', (self) => iterate(new PyTuple(values(self))));
  defineMethod(structTime, '__repr__', (self) => `time.struct_time(${fields.map((f, i) => `${f}=${pyRepr(values(self)[i])}`).join(', ')})`);
  defineMethod(structTime, '__eq__', (self, a) => {
    const other = a[0];
    const theirs = other instanceof PyInstance && other.type === structTime ? values(other) : other instanceof PyTuple ? other.items : null;
    return theirs !== null && theirs.length === fields.length && theirs.every((v, i) => v === values(self)[i]);
  });
}

interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number; // Monday is 0
  yday: number;
  isdst: number;
  zone: string;
  gmtoff: number;
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

function isDst(date: Date): boolean {
  const y = date.getFullYear();
  const standard = Math.max(new Date(y, 0, 1).getTimezoneOffset(), new Date(y, 6, 1).getTimezoneOffset());
  return date.getTimezoneOffset() < standard;
}

function zoneName(date: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'UTC';
}

function toTm(secs: number, local: boolean): Tm {
  const date = new Date(Math.floor(secs) * 1000);
  if (Number.isNaN(date.getTime())) throw pyError('OverflowError', 'timestamp out of range for platform time_t');
  const [year, mon, mday, hour, min, sec, wd] = local
    ? [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getDay()]
    : [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCDay()];
  return {
    year, mon, mday, hour, min, sec,
    wday: (wd + 6) % 7,
    yday: dayOfYear(year, mon, mday),
    isdst: local && isDst(date) ? 1 : 0,
    zone: local ? zoneName(date) : 'UTC',
    gmtoff: local ? -date.getTimezoneOffset() * 60 : 0,
  };
}

function structOf(tm: Tm): PyInstance {
  initStructTime();
  const s = new PyInstance(structTime);
  const v = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst];
  fields.forEach((f, i) => setName(s.dict, f, v[i]));
  setName(s.dict, 'tm_zone', tm.zone);
  setName(s.dict, 'tm_gmtoff', tm.gmtoff);
  return s;
}

/** A struct_time or a 9-tuple, as strftime, mktime and asctime take one. */
function tmOf(t: PyValue, fname: string): Tm {
  const n = (i: number) => {
    const v = getItem(t, i);
    if (typeof v !== 'number') throw pyError('TypeError', "'float' object cannot be interpreted as an integer");
    return v;
  };
  if (!(t instanceof PyTuple) && !(t instanceof PyInstance && t.type === structTime))
    throw pyError('TypeError', 'Tuple or struct_time argument required');
  if (t instanceof PyTuple && t.items.length !== 9) throw pyError('TypeError', `${fname}(): illegal time tuple argument`);
  const zone = t instanceof PyInstance ? (t.dict.map.get('tm_zone')?.v as string) : zoneName(new Date());
  const gmtoff = t instanceof PyInstance ? (t.dict.map.get('tm_gmtoff')?.v as number) : -new Date().getTimezoneOffset() * 60;
  return { year: n(0), mon: n(1), mday: n(2), hour: n(3), min: n(4), sec: n(5), wday: n(6), yday: n(7), isdst: n(8), zone, gmtoff };
}

const pad = (v: number, width = 2, fill = '0') => String(v).padStart(width, fill);

function strftime(format: string, tm: Tm): string {
  const hour12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12;
  const sundayWeek = Math.floor((tm.yday - 1 + 7 - ((tm.wday + 1) % 7)) / 7);
  const mondayWeek = Math.floor((tm.yday - 1 + 7 - tm.wday) / 7);
  const offset = Math.abs(tm.gmtoff);
  const directive: Record<string, () => string> = {
    a: () => days[tm.wday].slice(0, 3),
    A: () => days[tm.wday],
    b: () => months[tm.mon - 1].slice(0, 3),
    h: () => months[tm.mon - 1].slice(0, 3),
    B: () => months[tm.mon - 1],
    c: () => asctime(tm),
    d: () => pad(tm.mday),
    e: () => pad(tm.mday, 2, ' '),
    D: () => `${pad(tm.mon)}/${pad(tm.mday)}/${pad(tm.year % 100)}`,
    F: () => `${tm.year}-${pad(tm.mon)}-${pad(tm.mday)}`,
    H: () => pad(tm.hour),
    I: () => pad(hour12),
    j: () => pad(tm.yday, 3),
    m: () => pad(tm.mon),
    M: () => pad(tm.min),
    p: () => (tm.hour < 12 ? 'AM' : 'PM'),
    R: () => `${pad(tm.hour)}:${pad(tm.min)}`,
    S: () => pad(tm.sec),
    T: () => `${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`,
    u: () => String(tm.wday + 1),
    w: () => String((tm.wday + 1) % 7),
    U: () => pad(sundayWeek),
    W: () => pad(mondayWeek),
    x: () => `${pad(tm.mon)}/${pad(tm.mday)}/${pad(tm.year % 100)}`,
    X: () => `${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)}`,
    y: () => pad(tm.year % 100),
    Y: () => String(tm.year),
    z: () => `${tm.gmtoff < 0 ? '-' : '+'}${pad(Math.floor(offset / 3600))}${pad(Math.floor(offset / 60) % 60)}`,
    Z: () => tm.zone,
    '%': () => '%',
  };
  return format.replace(/%(.)/g, (whole, c: string) => (directive[c] ? directive[c]() : whole));
}

function asctime(tm: Tm): string {
  return `${days[tm.wday].slice(0, 3)} ${months[tm.mon - 1].slice(0, 3)} ${pad(tm.mday, 2, ' ')} ${pad(tm.hour)}:${pad(tm.min)}:${pad(tm.sec)} ${tm.year}`;
}

export function addCalendar(d: PyDict, now: () => number): void {
  const secsArg = (name: string, args: PyValue[]) => {
    arity(name, args, 0, 1);
    charge();
    return args.length === 0 || args[0] === null ? now() : toFloat(args[0]);
  };
  const tmArg = (name: string, args: PyValue[], at: number) =>
    args.length > at && args[at] !== null ? tmOf(args[at], name) : toTm(now(), true);
  setName(d, 'struct_time', structTime);
  defineFunction(d, 'localtime', (args) => structOf(toTm(secsArg('localtime', args), true)), 'time');
  defineFunction(d, 'gmtime', (args) => structOf(toTm(secsArg('gmtime', args), false)), 'time');
  defineFunction(d, 'ctime', (args) => asctime(toTm(secsArg('ctime', args), true)), 'time');
  defineFunction(d, 'asctime', (args) => {
    arity('asctime', args, 0, 1);
    return asctime(tmArg('asctime', args, 0));
  }, 'time');
  defineFunction(d, 'strftime', (args) => {
    arity('strftime', args, 1, 2);
    charge();
    if (typeof args[0] !== 'string') throw pyError('TypeError', `strftime() argument 1 must be str, not ${pyRepr(args[0])}`);
    return strftime(args[0], tmArg('strftime', args, 1));
  }, 'time');
  defineFunction(d, 'mktime', (args) => {
    arity('mktime', args, 1);
    const tm = tmOf(args[0], 'mktime');
    return float(new Date(tm.year, tm.mon - 1, tm.mday, tm.hour, tm.min, tm.sec).getTime() / 1000);
  }, 'time');
  const offset = new Date(new Date().getFullYear(), 0, 1).getTimezoneOffset() * 60;
  setName(d, 'timezone', offset);
  setName(d, 'altzone', new Date(new Date().getFullYear(), 6, 1).getTimezoneOffset() * 60);
  setName(d, 'daylight', offset !== new Date(new Date().getFullYear(), 6, 1).getTimezoneOffset() * 60 ? 1 : 0);
}
