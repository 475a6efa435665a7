import { render } from 'preact';
import { App } from './app.js';
import { createServices } from './services.js';
import './styles/console.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App services={createServices()} />, root);
