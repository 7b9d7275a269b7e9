export { validateCourse } from './course';
export { maxScenarioPoints } from './scenario';
