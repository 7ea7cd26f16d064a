// Configuration for the MikroORM CLI (`npm run migration:create`), run from dist/.
import 'reflect-metadata';
import { ormConfig } from './orm-config.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL database to create migrations against');

export default ormConfig(url);
