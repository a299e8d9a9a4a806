import { benchGil } from './gil';
console.log(JSON.stringify((await benchGil()).data));
