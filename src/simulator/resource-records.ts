import type { BatchInput } from './batch-inference-input.js';
import type { BatchInferenceCreateBody } from './bodies/batch-inference-create-body.js';
import type { EndpointModelResourceBody } from './bodies/endpoint-create-body.js';
import type { TuningCreateBody } from './bodies/tuning-create-body.js';
import type { PipelineParameterSpec } from './pipeline-spec-reader.js';
import type { SimulatedAlgorithm, SimulatedFlavor, SimulatedImage } from './seed-data.js';
import type { Progression } from './status-progression.js';

/*
 * Stored records of the resources beside experiments and trainings. Referenced resources are
 * kept as snapshots taken at creation where a later delete of them must not matter.
 */

export interface ExperimentReference {
  experimentId: string;
  experimentName: string;
}

/** Simulated epoch ms at which RUNNING was entered and left; drive elapsed times and progress. */
export interface RunningTimes {
  runningStartedAtMs: number | null;
  runningEndedAtMs: number | null;
}

export interface TuningRecord extends RunningTimes {
  hyperparameterTuningId: string;
  body: TuningCreateBody;
  experiment: ExperimentReference;
  flavor: SimulatedFlavor;
  image: SimulatedImage;
  algorithm: SimulatedAlgorithm | null;
  outcome: string;
  createdAtMs: number;
  progression: Progression;
}

export interface ModelRecord {
  modelId: string;
  modelName: string;
  description: string | null;
  modelTypeCode: string;
  modelUploadUri: string | null;
  frameworkVersion: string | null;
  parameterList: Array<{ parameterName: string; parameterValue: string }>;
  training: { trainingId: string; trainingName: string } | null;
  hyperparameterTuning: { hyperparameterTuningId: string; hyperparameterTuningName: string } | null;
  createdAtMs: number;
  progression: Progression;
}

/** Node autoscaler of an endpoint stage, with the field names of the stage object. */
export interface AutoScalerSettings {
  enable: boolean;
  minNodeCount: number;
  maxNodeCount: number;
  scaleDownEnable: boolean;
  scaleDownUtilThreshPercentage: number;
  scaleDownUnneededMinute: number;
  scaleDownDelayAfterAddMinute: number;
}

/** Settings an endpoint and each of its stages are deployed with. */
export interface DeploymentSettings {
  flavor: SimulatedFlavor;
  nodeCount: number;
  useLog: boolean;
  autoScaler: AutoScalerSettings;
  description: string | null;
}

export interface EndpointRecord {
  endpointId: string;
  endpointName: string;
  apigwServiceId: string;
  image: SimulatedImage;
  deployment: DeploymentSettings;
  createdAtMs: number;
  progression: Progression;
}

export interface EndpointStageRecord {
  endpointStageId: string;
  endpointId: string;
  apigwStageId: string;
  apigwStageName: string;
  isDefaultStage: boolean;
  deployment: DeploymentSettings;
  createdAtMs: number;
  progression: Progression;
}

/** A stage resource: one model served by one stage. */
export interface EndpointModelRecord {
  endpointModelId: string;
  endpointId: string;
  endpointStageId: string;
  modelId: string;
  /** Model name at deployment; it names the inference path. */
  modelName: string;
  imageId: string;
  resource: EndpointModelResourceBody;
  createdAtMs: number;
  progression: Progression;
}

export interface BatchInferenceRecord extends RunningTimes {
  batchInferenceId: string;
  body: BatchInferenceCreateBody;
  flavor: SimulatedFlavor;
  image: SimulatedImage;
  model: { modelId: string; modelName: string; modelTypeCode: string };
  /** Input found when the job was created. */
  input: BatchInput;
  outcome: string;
  /** `obs://` URI of the result object once it is written. */
  resultUri: string | null;
  createdAtMs: number;
  progression: Progression;
}

export interface PipelineRecord {
  pipelineId: string;
  pipelineName: string;
  description: string | null;
  parameterSpecs: PipelineParameterSpec[];
  createdAtMs: number;
  progression: Progression;
}

/** Pipeline, experiment and resources of a run; recurring runs copy theirs to the runs they start. */
export interface PipelineRunSettings {
  pipeline: { pipelineId: string; pipelineName: string };
  experiment: ExperimentReference;
  flavor: SimulatedFlavor;
  instanceCount: number;
  bootStorageSize: number;
  parameterList: Array<{ parameterName: string; parameterValue: string }>;
  nasList: Array<{ mountDirName: string; nasUri: string }>;
  description: string | null;
}

export interface PipelineRunRecord extends RunningTimes {
  pipelineRunId: string;
  pipelineRunName: string;
  settings: PipelineRunSettings;
  recurringRun: { pipelineRecurringRunId: string; pipelineRecurringRunName: string } | null;
  outcome: string;
  /** Simulated epoch ms at which the run reached a final status. */
  finishedAtMs: number | null;
  createdAtMs: number;
  progression: Progression;
}

export interface ScheduleSettings {
  cronExpression: string | null;
  periodicMinutes: number | null;
  maxConcurrencyCount: number;
  startDatetime: string | null;
  endDatetime: string | null;
  useCatchup: boolean;
}

export interface PipelineRecurringRunRecord {
  pipelineRecurringRunId: string;
  pipelineRecurringRunName: string;
  settings: PipelineRunSettings;
  schedule: ScheduleSettings;
  outcome: string;
  /** Simulated epoch ms of the next periodic run, or null when none is due. */
  nextRunAtMs: number | null;
  startedRunCount: number;
  createdAtMs: number;
  progression: Progression;
}
