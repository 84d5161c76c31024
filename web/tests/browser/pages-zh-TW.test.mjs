// Every page of the portal in Traditional Chinese: axe-core and screenshots
// (support/pages-suite.mjs).
import { checkPages } from './support/pages-suite.mjs';

checkPages('zh-TW');
