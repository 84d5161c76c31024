// Every page of the portal in English: axe-core and screenshots (support/pages-suite.mjs), and
// the screenshots' index.
import { checkPages } from './support/pages-suite.mjs';

checkPages('en', { writeIndex: true });
