// Builds the task pane, the worksheet functions and their metadata into dist/, and the manifest for the chosen host.
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { zhFunctionsMetadata } = require("./scripts/functions-zh.cjs");
const { publicUrl, productionManifest } = require("./scripts/production-manifest.cjs");

const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const officeJsLocal = "office-js/office.js";

/** Writes functions.zh-CN.json beside functions.json, from the Chinese help table. */
class ZhFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ZhFunctionsMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ZhFunctionsMetadataPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        (assets) => {
          const en = assets["functions.json"];
          if (!en) return;
          try {
            const zh = zhFunctionsMetadata(JSON.parse(en.source().toString()));
            compilation.emitAsset("functions.zh-CN.json", new compiler.webpack.sources.RawSource(JSON.stringify(zh, null, 2)));
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(String(e.message || e)));
          }
        },
      );
    });
  }
}

/**
 * Turns a worker bundle into a script that only sets a global string holding it, so the page starts its worker from a
 * Blob: a page opened from a local folder (file://) may not start a worker from a file URL, nor fetch one.
 */
class WorkerAsText {
  constructor(file, global) {
    this.file = file;
    this.global = global;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("WorkerAsText", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "WorkerAsText", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        const asset = assets[this.file];
        if (!asset) return;
        const text = `self.${this.global}=${JSON.stringify(asset.source().toString())};`;
        compilation.updateAsset(this.file, new compiler.webpack.sources.RawSource(text));
      });
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  // A county serves the add-in from its own intranet HTTPS host; a manifest pointing anywhere else would install
  // an add-in that never loads, so a production build without the address stops here. `--env publicUrl=` is for
  // the test build (npm test), which has no county.
  const prodUrl = dev ? undefined : publicUrl((env && env.publicUrl) || process.env.KAOHE_PUBLIC_URL);
  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // taskpane.html loads functions.js first (the shared runtime): the pane takes the core modules and webpack's
      // runtime from it instead of a second copy, 11 KB gzipped less; functions.js still stands alone for Excel.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      // The page for offices without Excel (kaohe.html): its script, and its worker carried as a string (see WorkerAsText).
      "kaohe/page": "./src/web/main.tsx",
      "kaohe/worker": "./src/web/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Not webpack's default `self`: functions.js now carries the chunk runtime, and a custom-functions runtime
      // (or test/addin's vm) need not define self; every host of these scripts has globalThis.
      globalObject: "globalThis",
      // A chunk loaded later (the .xlsx reader the pane fetches when a file is chosen under 取数来源) sits in lazy/, found
      // relative to the page. Not webpack's "auto" public path: its runtime, in functions.js, throws where there is no
      // document (a custom-functions runtime, test/addin's vm). The add-in's budget counts the scripts a page loads first.
      publicPath: "",
      chunkFilename: "lazy/[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked once by `npm run lint` (tsc); the bundle only needs the JavaScript.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        // The standard templates the web page's worker offers for download (src/web/templates.ts).
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
    },
    performance: { hints: false },
    // Browsers have globalThis; webpack's fallback for `global` would use new Function, which the page's CSP forbids.
    node: { global: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new ZhFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        officeJs: dev ? officeJsLocal : officeJsCdn,
      }),
      new HtmlWebpackPlugin({ filename: "kaohe.html", template: "./src/web/kaohe.html", chunks: ["kaohe/worker", "kaohe/page"], chunksSortMode: "manual" }),
      new WorkerAsText("kaohe/worker.js", "kaoheWorkerSource"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), prodUrl)),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: [{ directory: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"), publicPath: "/office-js" }],
    },
  };
  if (serving) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
