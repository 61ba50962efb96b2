import { defineConfig } from "vite";

// The page is served by `newsgraph serve` at /explore/, on whatever
// address the server has: assets are fetched from /explore/assets/ and
// the API from the page's own origin. dist/ is committed and embedded in
// the binary (explore.go), so a build must not depend on anything online.
export default defineConfig({
  base: "/explore/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2020",
    // One request for the code and one for the styles: the page loads
    // from a local server, where bytes cost less than round trips.
    rollupOptions: { output: { codeSplitting: false } },
    // The map's country outlines (Natural Earth 1:50m, world-atlas) are
    // most of the bundle's 1.3 MB, read once from a local server.
    chunkSizeWarningLimit: 1500,
  },
});
