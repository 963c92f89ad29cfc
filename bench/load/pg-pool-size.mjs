// Preloaded into the studio's server by the load benchmark when BENCH_LOAD_PG_POOL is set (NODE_OPTIONS=--import):
// every pg.Pool it makes gets that many connections instead of pg's default of 10. An experiment on the
// database pool's size; the studio's own code is untouched (pg is an external package of the build).
import pg from "pg";

const size = Number(process.env.BENCH_LOAD_PG_POOL);
if (Number.isInteger(size) && size > 0) {
  const Pool = pg.Pool;
  pg.Pool = class extends Pool {
    constructor(options) {
      super({ ...options, max: size });
    }
  };
}
