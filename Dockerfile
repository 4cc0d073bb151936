# The bot's image for compose.yaml (not built or run on the machine it was written on).
FROM python:3.11-slim
WORKDIR /app
# torch first, and its CPU build (see the Makefile): give your PyTorch CPU wheel index as
# --build-arg TORCH_INDEX_URL=..., or pip pulls a multi-GB CUDA build.
ARG TORCH_INDEX_URL=
RUN pip install --no-cache-dir torch==2.13.0 ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
COPY pyproject.toml README.md ./
COPY bot bot
COPY index index
RUN pip install --no-cache-dir '.[fast]'
EXPOSE 8443
CMD ["python", "-m", "bot", "--webhook"]
