// The SoA feature's public face for other features: its conflicts with an assessment. Other features
// import only from here, never from this folder's files.
export { SoaConflicts } from './components/SoaConflicts';
