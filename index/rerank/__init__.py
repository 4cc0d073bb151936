"""The answer-sentence rerankers: models that judge whether a sentence answers a question.

* features_model.py: ``FeatureModel``, the feature reranker that ships (``ltr.json``: a
  logistic regression over index/search/rerank_features.py's features, evaluated with numpy),
  which may read a cross-encoder's scores (its ``cross_encoder/`` folder).
* cross_encoder.py: ``Reranker``, an int8 ONNX cross-encoder on onnxruntime with its
  ``tokenizers`` tokenizer.
* model.py: ``load_reranker``, which reads either kind of model directory and gives None
  instead of failing when the model is absent or unreadable.

The model ships in ``index/rerank_model/`` (``ltr.json``, ``cross_encoder/``, ``MODEL_CARD.md``; docs/RERANKER.md);
index/search/ decides when to ask it and what its scores change.
"""
