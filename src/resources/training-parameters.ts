import { jobParameterFields as job } from './job-parameter-fields.js';
import type { ParameterDescription } from './resource-description.js';

/**
 * The parameters of `Training().run` in form order, with the published ranges. Names follow the
 * SDK 2.x; aliases accept the older guide's names (`train_image_name`) and short forms.
 */
export const trainingParameters: readonly ParameterDescription[] = [
  {
    name: 'training_name',
    aliases: ['name'],
    label: 'Training name',
    hint: 'Up to 50 characters.',
    optional: false,
    control: { type: 'text', maxLength: 50, placeholder: 'mnist-baseline' },
  },
  {
    name: 'training_description',
    aliases: ['description'],
    label: 'Description',
    hint: 'Up to 255 characters.',
    optional: true,
    control: { type: 'text', maxLength: 255 },
  },
  job.experiment_id,
  job.experiment_name,
  job.image_name,
  job.instance_type_name,
  job.distributed_node_count,
  job.use_torchrun,
  job.nproc_per_node,
  job.algorithm_name,
  job.source_dir_uri,
  job.entry_point,
  job.dataset_list,
  job.data_storage_size,
  job.model_upload_uri,
  job.check_point_input_uri,
  job.check_point_upload_uri,
  job.timeout_hours,
  {
    name: 'hyperparameter_list',
    aliases: ['hyperparameters'],
    label: 'Hyperparameters',
    hint: 'One name=value per line, at most 100. Name up to 255 characters, value up to 1000.',
    optional: true,
    control: { type: 'text', multiline: true, maxLength: 3000, placeholder: 'learning_rate=0.01' },
  },
  {
    name: 'tag_list',
    aliases: ['tags'],
    label: 'Tags',
    hint: 'One key=value per line, at most 10. Key up to 64 characters, value up to 255.',
    optional: true,
    control: { type: 'text', multiline: true, maxLength: 3000, placeholder: 'team=vision' },
  },
  job.use_log,
];
