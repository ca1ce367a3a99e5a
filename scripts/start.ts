// `npm start`: the whole local stack. The one-command demo arrives with its own issue;
// until then this says so instead of pretending.
console.error('npm start is not ready yet: run `npm run server` (backend) and `npm run sandbox` (WeChat sandbox) separately.')
process.exit(1)
