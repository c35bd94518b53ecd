// Scores open-source sentiment packages on labelled TSV files (id, lang, label, text) and,
// when given, Cluetrain's own figures for the same files, in one table.
//
//   node compare.mjs [--ours ../../cluetrain] FILE.tsv...
//
// Each package's output is mapped to positive / negative / neutral the way its authors
// recommend: VADER's compound score ±0.05, AFINN-style scores (multilang-sentiment) by sign,
// nlp.js by its vote. Metrics: accuracy, micro-F1 (= accuracy for single-label tasks),
// macro-F1 and macro-averaged recall, as in GermEval 2017 and SemEval 2017 Task 4A.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { Container } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import vader from 'vader-sentiment';
import multilang from 'multilang-sentiment';

const LABELS = ['positive', 'negative', 'neutral'];

function readRows(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const rows = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const [id, lang, label, ...rest] = lines[i].split('\t');
    if (LABELS.includes(label)) rows.push({ id, lang, label, text: rest.join(' ') });
  }
  return rows;
}

function metrics(gold, predicted) {
  let correct = 0;
  const perClass = {};
  for (const l of LABELS) perClass[l] = { tp: 0, fp: 0, fn: 0 };
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === p) { correct++; perClass[g].tp++; } else { perClass[g].fn++; if (perClass[p]) perClass[p].fp++; }
  });
  const f1s = [], recalls = [];
  for (const l of LABELS) {
    const { tp, fp, fn } = perClass[l];
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    f1s.push(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall));
    recalls.push(recall);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { accuracy: correct / gold.length, micro_f1: correct / gold.length, macro_f1: mean(f1s), macro_recall: mean(recalls) };
}

const container = new Container();
container.use(LangDe);
container.use(LangEn);
const nlpjs = new SentimentAnalyzer({ container });

const byScore = (score, threshold) => (score > threshold ? 'positive' : score < -threshold ? 'negative' : 'neutral');

const peers = {
  '@nlpjs/sentiment': async (row) => (await nlpjs.process({ locale: row.lang, text: row.text })).sentiment.vote,
  'vader-sentiment': async (row) =>
    row.lang === 'en' ? byScore(vader.SentimentIntensityAnalyzer.polarity_scores(row.text).compound, 0.05) : null,
  'multilang-sentiment': async (row) => byScore(multilang(row.text, row.lang).score, 0),
};

const args = process.argv.slice(2);
let ours = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--ours') ours = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('usage: node compare.mjs [--ours PATH-TO-cluetrain] FILE.tsv...');
  process.exit(2);
}

const fmt = (x) => x.toFixed(3);
console.log('| file | rows | system | accuracy / micro-F1 | macro-F1 | macro recall |');
console.log('|---|---|---|---|---|---|');
for (const file of files) {
  const rows = readRows(file);
  const gold = rows.map((r) => r.label);
  const lang = rows[0]?.lang;
  for (const [name, predict] of Object.entries(peers)) {
    const predicted = [];
    for (const row of rows) predicted.push(await predict(row));
    if (predicted.some((p) => p === null)) continue; // the package does not support this language
    const m = metrics(gold, predicted.map((p) => (LABELS.includes(p) ? p : 'neutral')));
    console.log(`| ${basename(file)} | ${rows.length} | ${name} | ${fmt(m.accuracy)} | ${fmt(m.macro_f1)} | ${fmt(m.macro_recall)} |`);
  }
  if (ours) {
    const json = execFileSync(ours, ['eval', 'sentiment', '--data', file, '--format', 'json'], { encoding: 'utf8' });
    const m = JSON.parse(json);
    console.log(`| ${basename(file)} | ${rows.length} | Cluetrain (${lang}) | ${fmt(m.accuracy)} | ${fmt(m.macro_f1)} | ${fmt(m.macro_recall)} |`);
  }
}
