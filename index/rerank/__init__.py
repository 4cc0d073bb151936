"""The answer-sentence reranker: a cross-encoder that reads a question and a sentence together.

* model.py: ``Reranker`` (an int8 ONNX cross-encoder on onnxruntime, with its ``tokenizers``
  tokenizer) and ``load_reranker``, which gives None instead of failing when the model is absent.

The model ships in ``index/rerank_model/`` (``model.onnx``, ``tokenizer.json``, ``config.json``,
``MODEL_CARD.md``); index/search/ decides when to ask it and what its scores change.
"""
