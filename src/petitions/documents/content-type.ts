// Moved to the platform (every kind of record takes documents); kept so existing imports still resolve.
export * from '../../platform/blob/content-type';
