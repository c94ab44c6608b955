export { CloudBaseDocStore } from './docstore';
export { cloudMain, cloudPorts } from './main';
