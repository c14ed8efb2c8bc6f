// The snapshots feature's public face for other features: the panel a register's page mounts
// ("Publish snapshot" and its approved versions), and the snapshot page (routed by the registry).
export { SnapshotsPanel } from './components/SnapshotsPanel';
export { SnapshotPage } from './components/SnapshotPage';
