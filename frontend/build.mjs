// Builds the dashboard into src/conflictdb/web/static/, which is committed: a pip install needs no npm.
//   npm ci && npm run build
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "conflictdb", "web", "static");
const modules = join(here, "node_modules");
mkdirSync(join(out, "vendor"), { recursive: true });

await build({
  entryPoints: [join(here, "src", "app.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "app.js"),
  legalComments: "linked",
});

// Leaflet's stylesheet first, ours after it.
writeFileSync(
  join(out, "app.css"),
  readFileSync(join(modules, "leaflet", "dist", "leaflet.css"), "utf8") + "\n" +
    readFileSync(join(here, "src", "app.css"), "utf8"),
);
copyFileSync(join(here, "src", "index.html"), join(out, "index.html"));
copyFileSync(join(here, "src", "favicon.svg"), join(out, "favicon.svg"));
// Country borders: Natural Earth 1:110m (public domain), as packaged by world-atlas: enough for a
// continent-scale map, and a seventh of the 1:50m file's weight on first load.
copyFileSync(join(modules, "world-atlas", "countries-110m.json"), join(out, "countries.json"));
// The API's interactive docs, served from here instead of a CDN.
for (const [pkg, file] of [
  ["swagger-ui-dist", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css"],
  ["redoc", join("bundles", "redoc.standalone.js")],
]) {
  copyFileSync(join(modules, pkg, file), join(out, "vendor", file.split("/").pop()));
}
for (const [pkg, name] of [["leaflet", "LICENSE"], ["world-atlas", "LICENSE"], ["swagger-ui-dist", "LICENSE"], ["redoc", "LICENSE"], ["topojson-client", "LICENSE"]]) {
  copyFileSync(join(modules, pkg, name), join(out, "vendor", `${pkg}.${name}`));
}
console.log(`built into ${out}`);
