/** Builds the core's ScenarioEngine for the worker (it satisfies EngineLike structurally). */
import { ScenarioEngine } from '../../core/scenario/scenario-engine';
import type { EngineFactory } from './engine-like';

export const createScenarioEngine: EngineFactory = (dataset, config) => new ScenarioEngine(dataset, config);
