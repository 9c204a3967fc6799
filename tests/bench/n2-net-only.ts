import { syntheticCity } from './synthetic-city';
import { networkBench } from './network-bench';
const city = syntheticCity();
console.log(JSON.stringify(networkBench(city, (s) => console.error(s))));
