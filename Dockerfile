# Runs the bot (or, with `npm run simulator`, the EasyMaker simulator) on a Node.js LTS image.
# The code targets Node >= 20; the image uses Node 24, an LTS line supported until 2028.
FROM node:24-slim

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

COPY tsconfig.json ./
COPY src ./src

USER node
EXPOSE 3000
CMD ["npm", "start"]
