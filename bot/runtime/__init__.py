"""The live searcher: held and swapped (searchers), fed batched questions (batcher), replaced by
a rebuilt index (reload); and the services the handlers share (services)."""
