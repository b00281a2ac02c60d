// Parses Mermaid files with the real Mermaid parser (mermaid in Node, with jsdom for the DOM
// it expects) and prints what it understood as JSON, one object per file, for tests/render.rs:
// the diagram type, and the nodes, edges, subgraphs (flowchart) or sections and tasks
// (journey), with Mermaid's entity codes decoded to the characters they stand for.
// Usage: node tests/mermaid/check.mjs FILE...   Exit status 1 when a file does not parse.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

// What Mermaid's decodeEntities and then the browser make of an entity code.
const decode = (s) =>
  String(s ?? '')
    .replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/\uFB02\u00B0(\w+)\u00B6\u00DF/g, (_, n) => `&${n};`);

const out = [];
let failed = false;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    const type = diagram.type;
    const result = { file, type };
    if (type.startsWith('flowchart')) {
      result.nodes = [...db.getVertices().values()].map((v) => ({ id: v.id, text: decode(v.text) }));
      result.edges = db.getEdges().map((e) => ({ from: e.start, to: e.end, text: decode(e.text) }));
      result.subgraphs = db.getSubGraphs().map((g) => ({ id: g.id, title: decode(g.title), nodes: g.nodes }));
    } else if (type === 'journey') {
      result.title = decode(db.getDiagramTitle());
      result.sections = db.getSections().map(decode);
      result.tasks = db.getTasks().map((t) => ({
        section: decode(t.section),
        task: decode(t.task),
        score: t.score,
        people: t.people.map((p) => decode(p.trim())),
      }));
    }
    out.push(result);
  } catch (e) {
    failed = true;
    out.push({ file, error: String(e.message ?? e) });
  }
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
process.exit(failed ? 1 : 0);
