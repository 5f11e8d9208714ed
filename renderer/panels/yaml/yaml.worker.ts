// The monaco-yaml language worker, bundled by Vite as its own chunk (no CDN).
import 'monaco-yaml/yaml.worker.js';
