// Copies the OpenSeadragon build from node_modules into Iiif.Web/wwwroot/lib/openseadragon (git-ignored), where the
// viewer page loads it from: no CDN, so the viewer works on a closed network. The Iiif.Web build does the same copy
// by itself whenever node_modules/openseadragon exists; this script is for `npm run build` without dotnet.
import { cpSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "node_modules", "openseadragon", "build", "openseadragon");
const target = join(root, "Iiif.Web", "wwwroot", "lib", "openseadragon");

if (!existsSync(join(source, "openseadragon.min.js"))) {
  console.error(`OpenSeadragon not found in ${source}: run 'npm ci' first.`);
  process.exit(1);
}

mkdirSync(target, { recursive: true });
cpSync(join(source, "openseadragon.min.js"), join(target, "openseadragon.min.js"));
cpSync(join(source, "images"), join(target, "images"), { recursive: true });
console.log(`OpenSeadragon copied to ${target}`);
