"""The PyTorch way of Layerlab's training benchmark: the same CNN, data, batches and Adam as the Java ways.

Arguments: data folder, samples, epochs, batch size, threads, seed, warm-up batches. Prints one line: RESULT {json}.
"""
import gzip
import json
import os
import resource
import sys
import time

import torch
from torch import nn

data_dir = sys.argv[1]
samples, epochs, batch, threads, seed, warmup = map(int, sys.argv[2:8])
torch.set_num_threads(threads)
torch.manual_seed(seed)


def read(stem):
    path = os.path.join(data_dir, stem + ".gz")
    if os.path.exists(path):
        with gzip.open(path, "rb") as f:
            return f.read()
    with open(os.path.join(data_dir, stem), "rb") as f:
        return f.read()


images = torch.frombuffer(bytearray(read("train-images-idx3-ubyte")[16:]), dtype=torch.uint8)
images = images.view(-1, 1, 28, 28)[:samples].float().div_(255)
labels = torch.frombuffer(bytearray(read("train-labels-idx1-ubyte")[8:]), dtype=torch.uint8)[:samples].long()

model = nn.Sequential(
    nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
loss_fn = nn.CrossEntropyLoss()

batches = 0
timed = 0
started = stopped = time.perf_counter()
cpu_started = cpu_stopped = time.process_time()
last_loss = 0.0
model.train()
for epoch in range(epochs):
    order = torch.randperm(samples)
    loss_sum = 0.0
    for start in range(0, samples, batch):
        idx = order[start:start + batch]
        x, y = images[idx], labels[idx]
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        loss_sum += loss.item() * len(idx)
        batches += 1
        if batches == warmup:
            started = time.perf_counter()
            cpu_started = time.process_time()
        elif batches > warmup:
            timed += len(idx)
            stopped = time.perf_counter()
            cpu_stopped = time.process_time()
    last_loss = loss_sum / samples

print("RESULT " + json.dumps({
    "way": "PyTorch",
    "timedSamples": timed,
    "seconds": stopped - started,
    "cpuSeconds": cpu_stopped - cpu_started,
    "peakMemoryBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "lastLoss": last_loss,
    "engine": "PyTorch " + torch.__version__ + " (Python)",
}))
