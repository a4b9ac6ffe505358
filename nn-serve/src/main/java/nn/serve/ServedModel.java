package nn.serve;

import nn.api.inference.Model;

/** A model as the server holds it: the model, its batcher and a few test images for the page. */
record ServedModel(Model model, Batcher batcher, TestExamples examples) {
}
