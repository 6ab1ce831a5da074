// Reads an answers file (JSON or YAML): a regular file of at most 1 MB (input-file.ts), read the
// strict way (model/answers-document.ts).
import type {Answers} from '../model/answers.js';
import {parseAnswers} from '../model/answers-document.js';
import {readInputFile} from './input-file.js';

export async function readAnswersFile(file: string): Promise<Answers> {
	return parseAnswers(await readInputFile(file, 'the answers file'), file);
}
