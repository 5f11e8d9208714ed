import { createMemoryRunStore } from './memoryRunStore';
import { describeRunStoreContract } from './runStoreContract';

describeRunStoreContract('memory store', (options) => createMemoryRunStore(options));
