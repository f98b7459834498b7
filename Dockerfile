FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
# TypeScript is a runtime dependency: it builds dist/ here (and tsx runs the CLI).
RUN npm ci --omit=dev
COPY . .
RUN npm run build
ENV NODE_ENV=production
EXPOSE 3000
# What `npm start` runs (keep the flags in step with package.json), without npm in between:
# npm would hold ~55 MB more, and signals reach the service directly.
CMD ["node", "--max-old-space-size=512", "dist/src/main.js"]
