// The tests' LRS is the one the preview runs (src/preview/lrs.ts).
export { Lrs as TestLrs, type Json, type LoggedRequest, type StoredStatement, verbOf } from '../../src/preview/lrs';
