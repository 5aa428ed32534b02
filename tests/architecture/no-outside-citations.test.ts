import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The code and its docs cite only what a fresh clone holds: Meta's facts live in the meta-cloud README
 * (`## Facts`, F1…), never in research notes beside the repository. Patterns are assembled from parts so
 * that this file does not cite what it forbids.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FACTS_README = 'adapters/whatsapp/meta-cloud/README.md';

const FORBIDDEN: readonly string[] = ['whatsapp-' + 'facts', '/work' + '/shared'];
const SCANNED_DIRS = ['domain', 'application', 'adapters', 'bootstrap', 'tests', 'bench', '.ci', 'patches'];
const SKIPPED = new Set(['node_modules', '.git', 'artifacts']);
const SKIPPED_FILES = new Set(['package-lock.json']);

/** Every file under `dir` (relative to ROOT), skipping dependencies and generated artefacts. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIPPED.has(entry.name)) return [];
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });

const topLevelFiles = (): string[] =>
  readdirSync(ROOT, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !SKIPPED_FILES.has(entry.name))
    .map((entry) => entry.name);

const scannedFiles = (): string[] => [
  ...topLevelFiles(),
  ...SCANNED_DIRS.filter((dir) => statSync(join(ROOT, dir), { throwIfNoEntry: false })?.isDirectory()).flatMap(
    filesUnder,
  ),
];

/** Text only: a NUL byte means a binary file (an image, a PDF fixture). */
const textOf = (path: string): string | null => {
  const bytes = readFileSync(join(ROOT, path));
  return bytes.includes(0) ? null : bytes.toString('utf8');
};

/** A relative path written in a file (`../x`, `../../y/z.md`), resolved from the file's folder. */
const RELATIVE = /(?<![\w./-])((?:\.\.\/)+)([\w@.-]*)/g;

/** What in `text` (the content of `path`, relative to `root`) points outside the repository. */
const outsideCitations = (text: string, path: string, root: string = ROOT): string[] => {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${path}:${index + 1}`;
    for (const pattern of FORBIDDEN) if (line.includes(pattern)) found.push(`${where}: mentions ${pattern}`);
    for (const match of line.matchAll(RELATIVE)) {
      const target = resolve(root, dirname(path), `${match[1]}${match[2]}`);
      const inside = relative(root, target);
      if (inside === '..' || inside.startsWith(`..${sep}`)) found.push(`${where}: ${match[0]} leaves the repository`);
    }
  });
  return found;
};

const CITATION = new RegExp(`${FACTS_README.replaceAll('.', '\\.')} ((?:§F\\d+(?:,? (?:and |to )?)?)+)`, 'g');

/** The fact numbers `text` cites as `adapters/whatsapp/meta-cloud/README.md §F<n>` (also `§F3, §F4` and `§F3 to §F6`). */
const citedFacts = (text: string): number[] =>
  [...text.matchAll(CITATION)].flatMap((match) => [...(match[1] ?? '').matchAll(/§F(\d+)/g)].map((n) => Number(n[1])));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_\- ]/gu, '')
    .replaceAll(' ', '-');

describe('no citation of files outside the repository', () => {
  const files = scannedFiles();

  it('scans the source, the tests, the bench and the docs', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', FACTS_README, 'domain/conversation/window.ts']));
    expect(files.some((f) => f.startsWith(`tests${sep}architecture`))).toBe(true);
    expect(files.some((f) => f.startsWith('bench'))).toBe(true);
    expect(files.some((f) => f.split(sep).includes('node_modules'))).toBe(false);
  });

  it('finds none in the repository', () => {
    const found = files.flatMap((path) => {
      const text = textOf(path);
      return text === null ? [] : outsideCitations(text, path);
    });
    expect(found).toEqual([]);
  });

  it('catches the notes by name, absolute paths to them, and relative paths that climb out', () => {
    const notes = 'whatsapp-' + 'facts.md';
    expect(outsideCitations(`/** Meta's limits (${notes} §2.4). */`, 'domain/media/x.ts')).toHaveLength(1);
    expect(outsideCitations(`see /work${'/shared'}/STYLE.md`, 'README.md')).toHaveLength(1);
    expect(outsideCitations('see `../shared/STYLE.md`', 'README.md')).toHaveLength(1);
    expect(outsideCitations(`// ${'../'.repeat(3)}shared/MISSION.md`, 'tests/builders/x.ts')).toHaveLength(1);
  });

  it('leaves paths inside the repository alone', () => {
    expect(outsideCitations("import { ok } from '../shared/result.ts';", 'domain/media/x.ts')).toEqual([]);
    expect(outsideCitations("const ROOT = resolve(import.meta.dirname, '../..');", 'tests/a/x.ts')).toEqual([]);
    expect(outsideCitations(`see ${FACTS_README} §F11`, 'domain/media/x.ts')).toEqual([]);
  });
});

describe(`citations of ${FACTS_README}`, () => {
  const readme = readFileSync(join(ROOT, FACTS_README), 'utf8');
  const headings = readme.split('\n').filter((line) => line.startsWith('#'));
  const facts = new Set(headings.flatMap((line) => /^### F(\d+) /.exec(line)?.[1] ?? []).map(Number));

  it('reads every form of citation', () => {
    expect(
      citedFacts(`(${FACTS_README} §F3, §F4) and ${FACTS_README} §F14 and §F15; ${FACTS_README} §F3 to §F6`),
    ).toEqual([3, 4, 14, 15, 3, 6]);
  });

  it('numbers its facts F1, F2, … without gaps', () => {
    expect([...facts].sort((a, b) => a - b)).toEqual([...facts].map((_, i) => i + 1));
    expect(facts.size).toBeGreaterThan(0);
  });

  it('gives every fact a source', () => {
    const sections = readme.split(/^### /m).filter((section) => /^F\d+ /.test(section));
    expect(
      sections.filter((section) => !/https?:\/\/|\[[A-Z0-9-]+\]/.test(section)).map((s) => s.split('\n')[0]),
    ).toEqual([]);
  });

  it('is cited only by facts that exist', () => {
    const dangling = scannedFiles().flatMap((path) => {
      const text = textOf(path);
      if (text === null) return [];
      return citedFacts(text)
        .filter((n) => !facts.has(n))
        .map((n) => `${path}: §F${n}`);
    });
    expect(dangling).toEqual([]);
  });

  it('links only to its own headings', () => {
    const anchors = new Set(headings.map((line) => anchorOf(line.replace(/^#+/, ''))));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.filter((link) => !anchors.has(link ?? ''))).toEqual([]);
  });
});
