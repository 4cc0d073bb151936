"""Text into vectors: model names, the sentence-transformers encoder and the int8 ONNX one."""
