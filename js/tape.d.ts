// Types for js/tape.js (`import { decodeTape } from 'storydiff/tape'`), which turns the tape that
// `storydiff/worker` answers with into the report.
import type { Report } from './index.js';

/**
 * The report a tape describes (`decodeTape(...data.tape)` on a worker's answer). Throws an
 * `Error` when the tape is damaged.
 */
export declare function decodeTape(ints: Uint32Array, floats: Float64Array, text: string): Report;
