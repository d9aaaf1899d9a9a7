#!/usr/bin/env node
import { hideBin } from "yargs/helpers";
import { main } from "./main.js";

await main(hideBin(process.argv));
