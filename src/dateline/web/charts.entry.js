// Bundled by build.mjs into static/vendor/charts.js: Vega, Vega-Lite and vega-embed with the
// expression interpreter, so charts render under a Content-Security-Policy without 'unsafe-eval'.
import * as vega from "vega";
import { expressionInterpreter } from "vega-interpreter";
import * as vegaLite from "vega-lite";
import vegaEmbed from "vega-embed";

globalThis.datelineCharts = { vega, vegaLite, vegaEmbed, expressionInterpreter };
