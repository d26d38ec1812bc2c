/** Lookup objects of the simulator (flavors, images, algorithms) and the data it starts with. */

export interface SimulatedFlavor {
  id: string;
  name: string;
  vcpus: number;
  /** Memory in MB. */
  ram: number;
  /** Root disk in GB. */
  disk: number;
  gpuFlavor: boolean;
  gpuCount: number;
  /** GPU memory in GB. */
  gpuMemory: number;
}

export interface SimulatedImage {
  imageId: string;
  imageName: string;
  imageTypeCode: string;
  coreTypeCode: string;
  frameworkCode: string;
  frameworkVersion: string;
  pythonVersion: string;
  description: string;
  groupTypeCode: string;
}

export interface HyperparameterSpec {
  hyperparameterName: string;
  hyperparameterTypeCode: 'int' | 'double' | 'discrete' | 'categorical';
  hyperparameterMinValue: string | null;
  hyperparameterMaxValue: string | null;
  hyperparameterStep: string | null;
  hyperparameterSpecifiedValues: string | null;
  isOptional: boolean;
  defaultValue: string;
}

export interface SimulatedAlgorithm {
  algorithmId: string;
  algorithmName: string;
  cpuTrainingImageId: string;
  gpuTrainingImageId: string;
  algorithmDatasetSchema: Array<{ datasetName: string; required: boolean; description: string }>;
  hyperparameterSpecList: HyperparameterSpec[];
}

// Fixed ids keep demos and scripts reproducible across restarts.
// NOTE: disk sizes and whether `gpuMemory` counts one GPU or all are not published. The values
// below assume per-GPU memory and a 20 GB root disk.
export function seedFlavors(): SimulatedFlavor[] {
  return [
    flavor('5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a01', 'm2.c4m8', 4, 8192, 0, 0),
    flavor('5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a02', 'm2.c8m16', 8, 16384, 0, 0),
    flavor('5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a03', 'c2.c16m32', 16, 32768, 0, 0),
    flavor('5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a04', 'g2.t4.c4m32', 4, 32768, 1, 16),
    flavor('5f0a7c52-1b7e-4a8e-9f31-0c1d2e3f4a05', 'g2.v100.c8m64', 8, 65536, 2, 32),
  ];
}

function flavor(
  id: string,
  name: string,
  vcpus: number,
  ram: number,
  gpuCount: number,
  gpuMemory: number,
): SimulatedFlavor {
  return { id, name, vcpus, ram, disk: 20, gpuFlavor: gpuCount > 0, gpuCount, gpuMemory };
}

export const seedImageIds = {
  tensorflowCpuTraining: 'imgtfcpu2150',
  tensorflowGpuTraining: 'imgtfgpu2150',
  pytorchCpuTraining: 'imgptcpu2300',
  pytorchGpuTraining: 'imgptgpu2300',
  tensorflowCpuInference: 'imgtfcpuinf1',
  pytorchGpuInference: 'imgptgpuinf1',
} as const;

// NOTE: the code values of `imageTypeCode`, `coreTypeCode`, `frameworkCode` and
// `groupTypeCode` are not published. `groupTypeCode` reuses the resource kinds of the flavor
// filter `groupType` (TRAINING, ENDPOINT...), and `imageTypeCode` is assumed to be `BASIC`.
export function seedImages(): SimulatedImage[] {
  const ids = seedImageIds;
  return [
    image(ids.tensorflowCpuTraining, 'CPU', 'TensorFlow', '2.15.0', 'Training'),
    image(ids.tensorflowGpuTraining, 'GPU', 'TensorFlow', '2.15.0', 'Training'),
    image(ids.pytorchCpuTraining, 'CPU', 'PyTorch', '2.3.0', 'Training'),
    image(ids.pytorchGpuTraining, 'GPU', 'PyTorch', '2.3.0', 'Training'),
    image(ids.tensorflowCpuInference, 'CPU', 'TensorFlow', '2.15.0', 'Inference'),
    image(ids.pytorchGpuInference, 'GPU', 'PyTorch', '2.3.0', 'Inference'),
  ];
}

function image(
  imageId: string,
  core: 'CPU' | 'GPU',
  framework: 'TensorFlow' | 'PyTorch',
  frameworkVersion: string,
  purpose: 'Training' | 'Inference',
): SimulatedImage {
  return {
    imageId,
    imageName: `Ubuntu 22.04 ${core} ${framework} ${purpose}`,
    imageTypeCode: 'BASIC',
    coreTypeCode: core,
    frameworkCode: framework.toUpperCase(),
    frameworkVersion,
    pythonVersion: '3.10',
    description: `${framework} ${frameworkVersion} ${purpose.toLowerCase()} image for ${core}`,
    groupTypeCode: purpose === 'Training' ? 'TRAINING' : 'ENDPOINT',
  };
}

// NOTE: the shape of `algorithmDatasetSchema` items is not published. The simulator lists
// the dataset names an algorithm reads.
export function seedAlgorithms(): SimulatedAlgorithm[] {
  return [
    algorithm('algimgclassf', 'Image Classification', ['train', 'validation', 'test']),
    algorithm('algobjdetect', 'Object Detection', ['train', 'validation', 'test']),
    algorithm('algsemsegmnt', 'Semantic Segmentation', ['train', 'validation', 'resources']),
  ];
}

function algorithm(
  algorithmId: string,
  algorithmName: string,
  datasetNames: string[],
): SimulatedAlgorithm {
  return {
    algorithmId,
    algorithmName,
    cpuTrainingImageId: seedImageIds.tensorflowCpuTraining,
    gpuTrainingImageId: seedImageIds.tensorflowGpuTraining,
    algorithmDatasetSchema: datasetNames.map((datasetName) => ({
      datasetName,
      required: datasetName !== 'test',
      description: `${datasetName} dataset of the ${algorithmName} algorithm`,
    })),
    hyperparameterSpecList: [
      spec('learning_rate', 'double', '0.0', '1.0', '0.1'),
      spec('per_device_train_batch_size', 'int', '1', '1024', '16'),
      spec('num_train_epochs', 'int', '1', '1000', '10'),
    ],
  };
}

function spec(
  hyperparameterName: string,
  hyperparameterTypeCode: 'int' | 'double',
  hyperparameterMinValue: string,
  hyperparameterMaxValue: string,
  defaultValue: string,
): HyperparameterSpec {
  return {
    hyperparameterName,
    hyperparameterTypeCode,
    hyperparameterMinValue,
    hyperparameterMaxValue,
    hyperparameterStep: null,
    hyperparameterSpecifiedValues: null,
    isOptional: true,
    defaultValue,
  };
}
