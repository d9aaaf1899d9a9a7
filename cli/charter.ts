#!/usr/bin/env node
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

// Not awaited: the bundle is CommonJS (no top-level await), and main reports its own errors.
void main(hideBin(process.argv));
