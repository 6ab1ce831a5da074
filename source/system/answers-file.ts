// Reads an answers file (JSON or YAML): a regular file of at most 1 MB (input-file.ts), every value
// the text written and each setting id once (model/answers-document.ts, on model/strict-document.ts:
// YAML's failsafe schema, so 0x10 stays "0x10" and is refused rather than becoming 16; duplicate keys
// found in one pass, in JSON as in YAML; a FIFO is never waited on).
import type {Answers} from '../model/answers.js';
import {parseAnswers} from '../model/answers-document.js';
import {readInputFile} from './input-file.js';

export {parseAnswers};

export const answersFileKind = {name: 'answers file', holds: 'it holds one line per setting'};

export async function readAnswersFile(file: string): Promise<Answers> {
	return parseAnswers(await readInputFile(file, answersFileKind), file);
}
