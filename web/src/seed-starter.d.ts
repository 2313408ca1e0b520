// The Python starter, made from scripts/seed/seed_lambda.py when the page
// is built (build-seed.mjs).
declare module "seed:python-starter" {
  const starter: string;
  export default starter;
}
